-- Timeline entries become a type with parameters (issue 15): stable codes and values, form-urlencoded
-- (kind=COMPLAINT&channel=PHONE_LIVE&deadline=SIMPLE). The Persian sentence is made from them when read
-- (core TimelineText); detail keeps only what a person wrote. Older rows keep their English detail and
-- params null: TimelineText reads them back by type.
alter table case_event add column params varchar(2000);
