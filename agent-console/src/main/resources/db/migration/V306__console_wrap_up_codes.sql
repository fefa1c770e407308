-- Wrap-up codes (issue 15): what an answered call was about, chosen by the operator after hang-up.
-- The list is administered (added, renamed, retired; never deleted, so old calls keep their code);
-- code is the stable machine name, label the Persian text people read.
create table console_wrapup_code (
    code varchar(32) not null,
    label varchar(100) not null,
    active boolean not null,
    created_at timestamp(6) with time zone not null,
    constraint pk_console_wrapup_code primary key (code),
    constraint uq_console_wrapup_code_label unique (label)
);

-- One wrap-up per call (the operator may correct it: the row is replaced); call_id is Asterisk's uniqueid.
create table console_call_wrapup (
    call_id varchar(64) not null,
    code varchar(32) not null,
    username varchar(64) not null,
    at timestamp(6) with time zone not null,
    constraint pk_console_call_wrapup primary key (call_id),
    constraint fk_console_call_wrapup_code foreign key (code) references console_wrapup_code (code)
);
create index ix_console_call_wrapup_at on console_call_wrapup (at);

insert into console_wrapup_code (code, label, active, created_at) values
    ('CASE_REGISTERED', 'موضوع ثبت شد', true, current_timestamp),
    ('FOLLOW_UP', 'پیگیری پرونده', true, current_timestamp),
    ('INFORMATION', 'راهنمایی و اطلاع‌رسانی', true, current_timestamp),
    ('NOT_RELEVANT', 'نامرتبط با سامانه', true, current_timestamp),
    ('CALL_DROPPED', 'قطع تماس پیش از طرح موضوع', true, current_timestamp);
