-- The IVR says an agency's name by its prompt, kept with the agency (issue 14): matching the Persian
-- name against the catalogue silenced an agency as soon as it was renamed. Empty: the IVR says
-- agency-concerned. Agencies whose name is a catalogue prompt's text today keep that prompt.
alter table agency add column prompt_key varchar(64);

update agency set prompt_key = 'agency-water' where trim(name) = 'شرکت آب و فاضلاب' and prompt_key is null;
update agency set prompt_key = 'agency-electricity' where trim(name) = 'شرکت توزیع نیروی برق' and prompt_key is null;
update agency set prompt_key = 'agency-gas' where trim(name) = 'شرکت گاز' and prompt_key is null;
update agency set prompt_key = 'agency-municipality' where trim(name) = 'شهرداری' and prompt_key is null;
update agency set prompt_key = 'agency-health' where trim(name) = 'دانشگاه علوم پزشکی' and prompt_key is null;
update agency set prompt_key = 'agency-education' where trim(name) = 'اداره کل آموزش و پرورش' and prompt_key is null;
update agency set prompt_key = 'agency-housing' where trim(name) = 'اداره کل راه و شهرسازی' and prompt_key is null;
update agency set prompt_key = 'agency-banks' where trim(name) = 'بانک‌ها' and prompt_key is null;
