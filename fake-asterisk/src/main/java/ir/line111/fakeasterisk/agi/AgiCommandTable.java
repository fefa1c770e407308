package ir.line111.fakeasterisk.agi;

import java.util.List;
import java.util.Locale;

/**
 * The AGI commands of Asterisk 22 (res_agi.c's table): their words, whether they may run on a dead
 * channel, and the usage text Asterisk sends in a 520 reply. Single-paragraph usage texts are the
 * documentation paragraph with its whitespace collapsed and its inline markup kept, which is what the
 * traces show for WAIT FOR DIGIT and SAY DIGITS; for multi-paragraph ones the paragraphs are joined
 * by one space (no trace shows those).
 */
final class AgiCommandTable {
    private AgiCommandTable() {}

    record Entry(String name, List<String> words, boolean deadOk, String usage) {}

    private static Entry e(String name, boolean deadOk, String usage) {
        return new Entry(name, List.of(name.split(" ")), deadOk, usage);
    }

    private static final String RETURNS_DIGIT = " Returns <literal>0</literal> if playback completes without a digit being pressed,"
            + " or the ASCII numerical value of the digit if one was pressed or <literal>-1</literal> on error/hangup.";

    static final List<Entry> COMMANDS = List.of(
            e("ANSWER", false, "Answers channel if not already in answer state. Returns <literal>-1</literal> on channel failure, or <literal>0</literal> if successful."),
            e("ASYNCAGI BREAK", true, "Interrupts expected flow of Async AGI commands and returns control to previous source (typically, the PBX dialplan)."),
            e("CHANNEL STATUS", false, "Returns the status of the specified <replaceable>channelname</replaceable>. If no channel name is given then returns the status of the current channel. Return values: Channel is down and available. Channel is down, but reserved. Channel is off hook. Digits (or equivalent) have been dialed. Line is ringing. Remote end is ringing. Line is up. Line is busy."),
            e("DATABASE DEL", true, "Deletes an entry in the Asterisk database for a given <replaceable>family</replaceable> and <replaceable>key</replaceable>. Returns <literal>1</literal> if successful, <literal>0</literal> otherwise."),
            e("DATABASE DELTREE", true, "Deletes a <replaceable>family</replaceable> or specific <replaceable>keytree</replaceable> within a <replaceable>family</replaceable> in the Asterisk database. Returns <literal>1</literal> if successful, <literal>0</literal> otherwise."),
            e("DATABASE GET", true, "Retrieves an entry in the Asterisk database for a given <replaceable>family</replaceable> and <replaceable>key</replaceable>. Returns <literal>0</literal> if <replaceable>key</replaceable> is not set. Returns <literal>1</literal> if <replaceable>key</replaceable> is set and returns the variable in parenthesis. Example return code: 200 result=1 (testvariable)"),
            e("DATABASE PUT", true, "Adds or updates an entry in the Asterisk database for a given <replaceable>family</replaceable>, <replaceable>key</replaceable>, and <replaceable>value</replaceable>. Returns <literal>1</literal> if successful, <literal>0</literal> otherwise."),
            e("EXEC", true, "Executes <replaceable>application</replaceable> with given <replaceable>options</replaceable>. Returns whatever the <replaceable>application</replaceable> returns, or <literal>-2</literal> on failure to find <replaceable>application</replaceable>. exec does not evaluate dialplan functions and variables unless it is explicitly enabled by setting the <variable>AGIEXECFULL</variable> variable to <literal>yes</literal>."),
            e("GET DATA", false, "Stream the given <replaceable>file</replaceable>, and receive DTMF data. Returns the digits received from the channel at the other end."),
            e("GET FULL VARIABLE", true, "Evaluates the given <replaceable>expression</replaceable> against the channel specified by <replaceable>channelname</replaceable>, or the current channel if <replaceable>channelname</replaceable> is not provided. Unlike GET VARIABLE, the <replaceable>expression</replaceable> is processed in a manner similar to dialplan evaluation, allowing complex and built-in variables to be accessed, e.g. <literal>The time is ${EPOCH}</literal> Returns <literal>0</literal> if no channel matching <replaceable>channelname</replaceable> exists, <literal>1</literal> otherwise. Example return code: 200 result=1 (The time is 1578493800)"),
            e("GET OPTION", false, "Behaves similar to STREAM FILE but used with a timeout option."),
            e("GET VARIABLE", true, "Returns <literal>0</literal> if <replaceable>variablename</replaceable> is not set. Returns <literal>1</literal> if <replaceable>variablename</replaceable> is set and returns the variable in parentheses. Example return code: 200 result=1 (testvariable)"),
            e("HANGUP", false, "Hangs up the specified channel. If no channel name is given, hangs up the current channel"),
            e("NOOP", true, "Does nothing."),
            e("RECEIVE CHAR", false, "Receives a character of text on a channel. Most channels do not support the reception of text. Returns the decimal value of the character if one is received, or <literal>0</literal> if the channel does not support text reception. Returns <literal>-1</literal> only on error/hangup."),
            e("RECEIVE TEXT", false, "Receives a string of text on a channel. Most channels do not support the reception of text. Returns <literal>-1</literal> for failure or <literal>1</literal> for success, and the string in parenthesis."),
            e("RECORD FILE", false, "Record to a file until a given dtmf digit in the sequence is received. Returns <literal>-1</literal> on hangup or error. The format will specify what kind of file will be recorded. The <replaceable>timeout</replaceable> is the maximum record time in milliseconds, or <literal>-1</literal> for no <replaceable>timeout</replaceable>. <replaceable>offset samples</replaceable> is optional, and, if provided, will seek to the offset without exceeding the end of the file. <replaceable>beep</replaceable> can take any value, and causes Asterisk to play a beep to the channel that is about to be recorded. <replaceable>silence</replaceable> is the number of seconds of silence allowed before the function returns despite the lack of dtmf digits or reaching <replaceable>timeout</replaceable>. <replaceable>silence</replaceable> value must be preceded by <literal>s=</literal> and is also optional."),
            e("SAY ALPHA", false, "Say a given character string, returning early if any of the given DTMF digits are received on the channel." + RETURNS_DIGIT),
            e("SAY DIGITS", false, "Say a given digit string, returning early if any of the given DTMF digits are received on the channel." + RETURNS_DIGIT),
            e("SAY NUMBER", false, "Say a given number, returning early if any of the given DTMF digits are received on the channel." + RETURNS_DIGIT),
            e("SAY PHONETIC", false, "Say a given character string with phonetics, returning early if any of the given DTMF digits are received on the channel. Returns <literal>0</literal> if playback completes without a digit pressed, the ASCII numerical value of the digit if one was pressed, or <literal>-1</literal> on error/hangup."),
            e("SAY DATE", false, "Say a given date, returning early if any of the given DTMF digits are received on the channel." + RETURNS_DIGIT),
            e("SAY TIME", false, "Say a given time, returning early if any of the given DTMF digits are received on the channel." + RETURNS_DIGIT),
            e("SAY DATETIME", false, "Say a given time, returning early if any of the given DTMF digits are received on the channel." + RETURNS_DIGIT),
            e("SEND IMAGE", false, "Sends the given image on a channel. Most channels do not support the transmission of images. Returns <literal>0</literal> if image is sent, or if the channel does not support image transmission. Returns <literal>-1</literal> only on error/hangup. Image names should not include extensions."),
            e("SEND TEXT", false, "Sends the given text on a channel. Most channels do not support the transmission of text. Returns <literal>0</literal> if text is sent, or if the channel does not support text transmission. Returns <literal>-1</literal> only on error/hangup."),
            e("SET AUTOHANGUP", false, "Cause the channel to automatically hangup at <replaceable>time</replaceable> seconds in the future. Of course it can be hungup before then as well. Setting to <literal>0</literal> will cause the autohangup feature to be disabled on this channel."),
            e("SET CALLERID", false, "Changes the callerid of the current channel."),
            e("SET CONTEXT", false, "Sets the context for continuation upon exiting the application."),
            e("SET EXTENSION", false, "Changes the extension for continuation upon exiting the application."),
            e("SET MUSIC", false, "Enables/Disables the music on hold generator. If <replaceable>class</replaceable> is not specified, then the <literal>default</literal> music on hold class will be used. This generator will be stopped automatically when playing a file. Always returns <literal>0</literal>."),
            e("SET PRIORITY", false, "Changes the priority for continuation upon exiting the application. The priority must be a valid priority or label."),
            e("SET VARIABLE", true, "Sets a variable to the current channel."),
            e("STREAM FILE", false, "Send the given file, allowing playback to be interrupted by the given digits, if any. Returns <literal>0</literal> if playback completes without a digit being pressed, or the ASCII numerical value of the digit if one was pressed, or <literal>-1</literal> on error or if the channel was disconnected. If musiconhold is playing before calling stream file it will be automatically stopped and will not be restarted after completion. It sets the following channel variables upon completion: The status of the playback attempt as a text string."),
            e("CONTROL STREAM FILE", false, "Send the given file, allowing playback to be controlled by the given digits, if any. Use double quotes for the digits if you wish none to be permitted. If offsetms is provided then the audio will seek to offsetms before play starts. Returns <literal>0</literal> if playback completes without a digit being pressed, or the ASCII numerical value of the digit if one was pressed, or <literal>-1</literal> on error or if the channel was disconnected. Returns the position where playback was terminated as endpos. It sets the following channel variables upon completion: Contains the status of the attempt as a text string Contains the offset in ms into the file where playback was at when it stopped. <literal>-1</literal> is end of file. If the playback is stopped by the user this variable contains the key that was pressed."),
            e("TDD MODE", false, "Enable/Disable TDD transmission/reception on a channel. Returns <literal>1</literal> if successful, or <literal>0</literal> if channel is not TDD-capable."),
            e("VERBOSE", true, "Sends <replaceable>message</replaceable> to the console via verbose message system. <replaceable>level</replaceable> is the verbose level (1-4). Always returns <literal>1</literal>"),
            e("WAIT FOR DIGIT", false, "Waits up to <replaceable>timeout</replaceable> milliseconds for channel to receive a DTMF digit. Returns <literal>-1</literal> on channel failure, <literal>0</literal> if no digit is received in the timeout, or the numerical value of the ascii of the digit if one is received. Use <literal>-1</literal> for the <replaceable>timeout</replaceable> value if you desire the call to block indefinitely."),
            e("SPEECH CREATE", false, "Create a speech object to be used by the other Speech AGI commands."),
            e("SPEECH SET", false, "Set an engine-specific setting."),
            e("SPEECH DESTROY", true, "Destroy the speech object created by <literal>SPEECH CREATE</literal>."),
            e("SPEECH LOAD GRAMMAR", false, "Loads the specified grammar as the specified name."),
            e("SPEECH UNLOAD GRAMMAR", true, "Unloads the specified grammar."),
            e("SPEECH ACTIVATE GRAMMAR", false, "Activates the specified grammar on the speech object."),
            e("SPEECH DEACTIVATE GRAMMAR", false, "Deactivates the specified grammar on the speech object."),
            e("SPEECH RECOGNIZE", false, "Plays back given <replaceable>prompt</replaceable> while listening for speech and dtmf."));

    /** Asterisk's find_command(argv, exact=0): every word of the command must match, case-insensitively. */
    static Entry find(List<String> argv) {
        Entry best = null;
        for (Entry entry : COMMANDS) {
            List<String> words = entry.words();
            if (argv.size() < words.size()) {
                continue;
            }
            boolean match = true;
            for (int i = 0; i < words.size() && match; i++) {
                match = words.get(i).equalsIgnoreCase(argv.get(i));
            }
            if (match && (best == null || words.size() > best.words().size())) {
                best = entry;
            }
        }
        return best;
    }

    static Entry byName(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        return COMMANDS.stream().filter(e -> e.name().equals(n)).findFirst().orElseThrow();
    }
}
