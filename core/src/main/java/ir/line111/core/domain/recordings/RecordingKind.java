package ir.line111.core.domain.recordings;

public enum RecordingKind { SPOKEN_ID, VOICEMAIL, CONVERSATION, AGENCY_ANSWER }
