/**
 * The AMI adapter: one Manager connection to Asterisk ({@link ir.line111.ivr.ami.AmiService}), kept up by
 * {@code AmiLink} (own reconnect with back-off, one log line per outage, ping every {@code ami.ping-seconds}
 * and a socket read timeout for half-open sockets, a fresh connection and listener each time, queue and
 * channel lists re-read after every login), and {@code QueueMonitor}, which runs the pure {@code QueueModel}
 * (signals in, state and effects out; unit-tested without threads) on one thread and carries out its
 * effects: screen-pops with earlier cases, outcomes, recordings. {@code ServiceLevel} keeps the day's
 * figures and the wait estimate, {@code QueueJson} builds the events below, {@code QueuePublisher} puts
 * them on the Vert.x event bus and keeps the last queue state, {@code PbxFacts} what AMI showed of the
 * PBX for /health. Member states come from Asterisk-Java's {@code QueueMemberState} ({@code MemberState}).
 *
 * <h2>What it publishes</h2>
 * The events are core's records ({@code ir.line111.core.domain.events}: {@code ScreenPop}, {@code QueueState},
 * {@code WrapUp}, {@code QueueAbandoned}), built by {@code QueueJson} and encoded by core's one codec
 * ({@code EventJson}, JSON text) on the addresses of {@code EventAddresses}; the records are the contract.
 * The IVR's channel variables are parsed once, where they come back in over AMI ({@code CallerFacts}); the
 * subject's earlier cases are looked up once, by the subject's ID ({@code EarlierCases}), while the caller
 * waits. {@code PRESENCE} is a request/reply described at {@code EventAddresses.PRESENCE} and {@code PresenceHandler}.
 */
package ir.line111.ivr.ami;
