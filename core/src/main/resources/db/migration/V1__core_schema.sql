-- Core schema (versions V1-V99 belong to core). Plain SQL that runs unchanged on H2 2.x and
-- PostgreSQL 13+. Ids come from sequences that step by 50: Hibernate's pooled optimizer hands out
-- 50 ids per round trip, which is what makes batched registration fast.

create sequence agency_seq start with 1 increment by 50;
create sequence app_user_seq start with 1 increment by 50;
create sequence case_record_seq start with 1 increment by 50;
create sequence case_event_seq start with 1 increment by 50;
create sequence call_record_seq start with 1 increment by 50;
create sequence call_step_seq start with 1 increment by 50;
-- The source of tracking codes: each value is permuted (keyed) into a code body, so the codes
-- reveal neither order nor volume. Steps by 50: the issuer reserves blocks.
create sequence tracking_code_seq start with 1 increment by 50;

create table core_setting (
    name varchar(100) not null,
    setting_value varchar(1000) not null,
    updated_at timestamp(6) with time zone not null,
    constraint pk_core_setting primary key (name)
);

create table agency (
    id bigint not null,
    name varchar(200) not null,
    active boolean not null,
    created_at timestamp(6) with time zone not null,
    constraint pk_agency primary key (id),
    constraint uk_agency_name unique (name)
);

create table app_user (
    id bigint not null,
    username varchar(64) not null,
    full_name varchar(200),
    password_hash varchar(100) not null,
    roles varchar(200) not null,
    active boolean not null,
    created_at timestamp(6) with time zone not null,
    password_changed_at timestamp(6) with time zone not null,
    constraint pk_app_user primary key (id),
    constraint uk_app_user_username unique (username)
);

create table case_record (
    id bigint not null,
    tracking_code varchar(9) not null,
    kind varchar(30),
    channel varchar(30) not null,
    status varchar(30) not null,
    subject_national_id varchar(10),
    subject_id_verified boolean not null,
    subject_relation varchar(30) not null,
    subject_full_name varchar(200),
    agency_id bigint,
    summary varchar(1000),
    description varchar(20000),
    deadline_class varchar(40),
    due_at timestamp(6) with time zone,
    registered_at timestamp(6) with time zone not null,
    registered_by varchar(64) not null,
    caller_number varchar(40),
    call_id varchar(64),
    spoken_id_recording_id bigint,
    message_recording_id bigint,
    duplicate_of bigint,
    objection_count integer not null,
    answer varchar(20000),
    answered_at timestamp(6) with time zone,
    closed_at timestamp(6) with time zone,
    updated_at timestamp(6) with time zone not null,
    row_version integer not null,
    constraint pk_case_record primary key (id),
    constraint uk_case_record_tracking_code unique (tracking_code),
    constraint fk_case_record_agency foreign key (agency_id) references agency (id),
    constraint fk_case_record_duplicate_of foreign key (duplicate_of) references case_record (id)
);
create index ix_case_record_subject on case_record (subject_national_id, registered_at);
create index ix_case_record_call on case_record (call_id);
create index ix_case_record_caller on case_record (caller_number);
create index ix_case_record_status on case_record (status, due_at);
create index ix_case_record_registered on case_record (registered_at);
create index ix_case_record_agency on case_record (agency_id);

-- The timeline of a case: who did what, when. Never updated, only appended.
create table case_event (
    id bigint not null,
    case_id bigint not null,
    occurred_at timestamp(6) with time zone not null,
    actor varchar(64) not null,
    event_type varchar(40) not null,
    detail varchar(4000),
    from_status varchar(30),
    to_status varchar(30),
    call_id varchar(64),
    recording_id bigint,
    constraint pk_case_event primary key (id),
    constraint fk_case_event_case foreign key (case_id) references case_record (id)
);
create index ix_case_event_case on case_event (case_id, occurred_at);

-- One row per call that reached the IVR, keyed by Asterisk's unique id.
create table call_record (
    id bigint not null,
    call_id varchar(64) not null,
    caller_number varchar(40),
    channel_name varchar(200),
    started_at timestamp(6) with time zone,
    ended_at timestamp(6) with time zone,
    outcome varchar(40) not null,
    last_step varchar(100),
    case_id bigint,
    satisfaction integer,
    constraint pk_call_record primary key (id),
    constraint uk_call_record_call_id unique (call_id)
);
create index ix_call_record_started on call_record (started_at);
create index ix_call_record_caller on call_record (caller_number);

-- The path through the IVR, one row per step; recordings made during the call are steps too.
create table call_step (
    id bigint not null,
    call_id varchar(64) not null,
    occurred_at timestamp(6) with time zone not null,
    step varchar(100) not null,
    detail varchar(1000),
    recording_id bigint,
    constraint pk_call_step primary key (id)
);
create index ix_call_step_call on call_step (call_id, occurred_at);

-- Public holidays, entered per date (lunar holidays move every year).
create table holiday (
    holiday_date date not null,
    name varchar(200) not null,
    constraint pk_holiday primary key (holiday_date)
);
