package ir.line111.fakeasterisk.agi;

/** How a simulated call ended. */
public sealed interface CallEnd {

    /** The script sent HANGUP (the channel was hung up by the IVR), then closed the connection. */
    record ScriptHungUp(int atCommand) implements CallEnd {}

    /** The caller hung up at the given command (see {@link CallerScript.HangUp} for when exactly). */
    record CallerHungUp(int atCommand, String command, CallerScript.HangUp moment) implements CallEnd {}

    /** The script closed the connection with the channel still up: the dialplan goes on (e.g. to Queue()). */
    record ReturnedToDialplan() implements CallEnd {}

    /** No connection to the FastAGI server (Asterisk then sets AGISTATUS=FAILURE). */
    record ConnectionFailed(String reason) implements CallEnd {}

    /** The connection broke, or the server stopped answering for longer than the read timeout. */
    record ConnectionLost(String reason) implements CallEnd {}

    /** The fake closed the connection on purpose (garbled-Asterisk scripts). */
    record ClosedByFake(int atCommand) implements CallEnd {}
}
