/**
 * The AMI adapter: one Manager connection to Asterisk ({@link ir.line111.ivr.ami.AmiService}), kept up by
 * {@code AmiLink} (own reconnect with back-off, one log line per outage, ping every {@code ami.ping-seconds}
 * and a socket read timeout for half-open sockets, a fresh connection and listener each time, queue and
 * channel lists re-read after every login), and {@code QueueMonitor}, which runs the pure {@code QueueModel}
 * (signals in, state and effects out; unit-tested without threads) on one thread and carries out its
 * effects: screen-pops with earlier cases, outcomes, recordings. {@code ServiceLevel} keeps the day's
 * figures and the wait estimate, {@code QueueJson} builds the payloads below, {@code QueuePublisher} puts
 * them on the Vert.x event bus and keeps the last queue state, {@code PbxFacts} what AMI showed of the
 * PBX for /health. Member states come from Asterisk-Java's {@code QueueMemberState} ({@code MemberState}).
 *
 * <h2>Event-bus payloads (JSON objects)</h2>
 * <ul>
 *   <li>{@code EventAddresses.SCREEN_POP} (published on AgentConnect): {@code callId} (LINE111_CALL_ID, else
 *       Asterisk's unique id), {@code uniqueId}, {@code channel}, {@code queue}, {@code operator} (member
 *       interface, e.g. PJSIP/1001), {@code operatorName} (MemberName), {@code callerNumber},
 *       {@code callerName}, {@code nationalId} (digits or null), {@code nationalIdVerified} (boolean),
 *       {@code spokenIdRecordingId} (number, or text when not numeric, or null), {@code subjectNationalId},
 *       {@code relation} (a {@code Relation} name), {@code draftCaseId}, {@code conversationFile}
 *       (MixMonitor base path), {@code waitSeconds}, {@code connectedAt} (ISO instant),
 *       {@code earlierCases[]} of {id, trackingCode, kind, channel, status, agency, registeredAt, dueAt}.</li>
 *   <li>{@code CALL_WRAP_UP} (AgentComplete, or the caller's hang-up if that was missed; always after the
 *       screen-pop of the same call): {@code callId, uniqueId, operator, operatorName, callerNumber,
 *       talkSeconds, waitSeconds, reason} (agent|caller|transfer|hangup|ended-during-outage),
 *       {@code wrapUpSeconds} (the member's Wrapuptime as AMI reports it, null when 0: the queue's applies,
 *       which AMI does not report), {@code conversationFile, at}.</li>
 *   <li>{@code QUEUE_STATE} (after each burst of changes, and every 5 s while callers wait):
 *       {@code queue, known (connected and re-synced), connected, synced, at, callers[] {uniqueId, callId, position, callerNumber, callerName,
 *       waitSeconds, joinedAt, nationalId (the console masks it)}, members[] {interface, operator (= interface), name, state (available|busy|paused|unavailable),
 *       status (Asterisk device state number), paused, pausedReason (also as reason), inCall, callsTaken, wrapUpSeconds}, callersWaiting,
 *       operatorsLoggedIn, operatorsAvailable, operatorsBusy, operatorsPaused, longestWaitSeconds,
 *       estimatedWaitSeconds, averageTalkSeconds, serviceLevel {thresholdSeconds, answered,
 *       answeredWithin, abandoned, percent, day}}.</li>
 *   <li>{@code QUEUE_ABANDONED} (the caller hung up while waiting; not for Queue() timeouts or
 *       leave-empty, which Asterisk also reports as QueueCallerAbandon): {@code callId, uniqueId,
 *       callerNumber, waitSeconds, queue, at}.</li>
 *   <li>{@code QUEUE_STATE_REQUEST} request/reply (a console starting): the reply is the QUEUE_STATE last
 *       published, and the state is published again; a console that starts after the re-sync needs it.</li>
 *   <li>{@code PRESENCE} request/reply: request {@code {action: login|ready|pause|logout, operator, device,
 *       reason, ready?}}; reply {@code {ok: true, action, state (READY|PAUSED|LOGGED_OUT; log in without ready:true leaves the
 *       member paused), operator, device, queue, reason, message}} or a
 *       failure {@code (400 bad request | 409 Asterisk refused | 503 no AMI link, message)}.</li>
 * </ul>
 */
package ir.line111.ivr.ami;
