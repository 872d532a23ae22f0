-- History and outbox reasons used to be English sentences; they become codes with params
-- (src/shared/api/history-codes.ts, outbox-reasons.ts). Every sentence form the desk wrote maps
-- to its code; anything else becomes `unrecognised` with the old text kept, so nothing is lost.
-- The refusal patterns mirror refusalReason() in outbox-reasons.ts.
UPDATE `outbox` SET `last_error` = CASE
  WHEN `last_error` = 'The desk stopped while this was being sent' THEN json_object('code', 'interrupted', 'params', json('{}'))
  ELSE json_object('code', CASE
    WHEN `last_error` LIKE '%already has booking%' OR `last_error` LIKE '%is not available%' OR `last_error` LIKE '%no available users%' OR `last_error` LIKE '%slot%taken%' OR `last_error` LIKE '%slot%unavailable%' THEN 'slot_taken'
    WHEN `last_error` LIKE '%in the past%' THEN 'in_past'
    WHEN `last_error` LIKE '%already been cancelled%' OR `last_error` LIKE '%already cancelled%' THEN 'already_cancelled'
    WHEN `last_error` LIKE '%is not pending%' THEN 'not_pending'
    WHEN `last_error` LIKE '%not found%' OR `last_error` LIKE '%does not exist%' THEN 'not_found'
    WHEN `last_error` LIKE '%forbidden%' OR `last_error` LIKE '%not allowed%' OR `last_error` LIKE '%permission%' THEN 'forbidden'
    ELSE CASE WHEN `state` = 'needs_attention' THEN 'calcom_refused' ELSE 'unrecognised' END
  END, 'params', json_object('message', `last_error`))
END WHERE `last_error` IS NOT NULL;--> statement-breakpoint
UPDATE `appointment_history` SET `change` = 'booked_at_desk' WHERE `change` = 'booked at the desk';--> statement-breakpoint
UPDATE `appointment_history` SET `change` = 'rescheduled_at_desk' WHERE `change` = 'rescheduled at the desk';--> statement-breakpoint
UPDATE `appointment_history` SET `change` = 'cancelled_at_desk' WHERE `change` = 'cancelled at the desk';--> statement-breakpoint
UPDATE `appointment_history` SET `change` = 'confirmed_at_desk' WHERE `change` = 'confirmed at the desk';--> statement-breakpoint
UPDATE `appointment_history` SET `change` = 'declined_at_desk' WHERE `change` = 'declined at the desk';--> statement-breakpoint
UPDATE `appointment_history` SET `change` = 'no_show_marked_at_desk' WHERE `change` = 'marked as a no-show at the desk';--> statement-breakpoint
UPDATE `appointment_history` SET `change` = 'no_show_unmarked_at_desk' WHERE `change` = 'unmarked as a no-show at the desk';--> statement-breakpoint
UPDATE `appointment_history` SET `change` = 'found_in_calcom' WHERE `change` = 'found in Cal.com';--> statement-breakpoint
UPDATE `appointment_history` SET `change` = 'booked_in_calcom' WHERE `change` = 'booked in Cal.com';--> statement-breakpoint
UPDATE `appointment_history` SET `change` = 'rescheduled_in_calcom' WHERE `change` = 'rescheduled in Cal.com';--> statement-breakpoint
UPDATE `appointment_history` SET `change` = 'rescheduled_here_from' WHERE `change` = 'rescheduled here from';--> statement-breakpoint
UPDATE `appointment_history` SET `change` = 'guest_no_show_updated' WHERE `change` = 'guest no-show updated';--> statement-breakpoint
UPDATE `appointment_history` SET `change` = 'booking_discarded_at_desk' WHERE `change` = 'booking discarded at the desk';--> statement-breakpoint
UPDATE `appointment_history` SET `change` = 'desk_notes_changed', `detail` = json('{}') WHERE `change` = 'desk notes changed';--> statement-breakpoint
UPDATE `appointment_history` SET `change` = 'retry_asked_at_desk', `detail` = json('{}') WHERE `change` = 'retry asked at the desk';--> statement-breakpoint
UPDATE `appointment_history` SET `change` = 'visit_changed', `detail` = json_object('state', upper(substr(`change`, 7))) WHERE `change` IN ('visit none', 'visit arrived', 'visit in_service', 'visit done');--> statement-breakpoint
UPDATE `appointment_history` SET `detail` = json_set(coalesce(`detail`, '{}'), '$.op', replace(substr(`change`, 1, length(`change`) - 7), ' ', '_')), `change` = 'synced_in_calcom' WHERE `change` LIKE '% synced' AND substr(`change`, 1, length(`change`) - 7) IN ('reschedule', 'cancel', 'confirm', 'decline', 'mark absent');--> statement-breakpoint
UPDATE `appointment_history` SET `detail` = json_set(coalesce(`detail`, '{}'), '$.op', replace(substr(`change`, 1, length(`change`) - 22), ' ', '_')), `change` = 'change_discarded_at_desk' WHERE `change` LIKE '% discarded at the desk' AND substr(`change`, 1, length(`change`) - 22) IN ('reschedule', 'cancel', 'confirm', 'decline', 'mark absent');--> statement-breakpoint
UPDATE `appointment_history` SET `change` = 'needs_attention', `detail` = CASE WHEN json_extract(`detail`, '$.reason') IS NULL THEN `detail` ELSE json_set(`detail`, '$.reason', json_object('code', CASE
    WHEN json_extract(`detail`, '$.reason') LIKE '%already has booking%' OR json_extract(`detail`, '$.reason') LIKE '%is not available%' OR json_extract(`detail`, '$.reason') LIKE '%no available users%' OR json_extract(`detail`, '$.reason') LIKE '%slot%taken%' OR json_extract(`detail`, '$.reason') LIKE '%slot%unavailable%' THEN 'slot_taken'
    WHEN json_extract(`detail`, '$.reason') LIKE '%in the past%' THEN 'in_past'
    WHEN json_extract(`detail`, '$.reason') LIKE '%already been cancelled%' OR json_extract(`detail`, '$.reason') LIKE '%already cancelled%' THEN 'already_cancelled'
    WHEN json_extract(`detail`, '$.reason') LIKE '%is not pending%' THEN 'not_pending'
    WHEN json_extract(`detail`, '$.reason') LIKE '%not found%' OR json_extract(`detail`, '$.reason') LIKE '%does not exist%' THEN 'not_found'
    WHEN json_extract(`detail`, '$.reason') LIKE '%forbidden%' OR json_extract(`detail`, '$.reason') LIKE '%not allowed%' OR json_extract(`detail`, '$.reason') LIKE '%permission%' THEN 'forbidden'
    ELSE 'calcom_refused'
  END, 'params', json_object('message', json_extract(`detail`, '$.reason')))) END WHERE `change` = 'needs attention';--> statement-breakpoint
-- Field names never hold a comma or a quote, so the list splits on ', '.
UPDATE `appointment_history` SET `change` = 'calcom_changed', `detail` = json_set(coalesce(`detail`, '{}'), '$.fields', json('["' || replace(substr(`change`, 18), ', ', '","') || '"]')) WHERE `change` LIKE 'details updated: %';--> statement-breakpoint
-- What Cal.com changed, in the order the desk wrote it: status A → B, moved, paid, rescheduled to X.
-- json_patch drops the parts that are null.
UPDATE `appointment_history` SET `detail` = json_patch(coalesce(`detail`, '{}'), json_object(
  'statusFrom', CASE WHEN `change` LIKE 'status % → %' THEN substr(`change`, 8, instr(`change`, ' → ') - 8) END,
  'statusTo', CASE WHEN `change` LIKE 'status % → %' THEN CASE WHEN instr(substr(`change`, instr(`change`, ' → ') + 3), ',') > 0 THEN substr(substr(`change`, instr(`change`, ' → ') + 3), 1, instr(substr(`change`, instr(`change`, ' → ') + 3), ',') - 1) ELSE substr(`change`, instr(`change`, ' → ') + 3) END END,
  'moved', CASE WHEN (', ' || `change` || ',') LIKE '%, moved,%' THEN json('true') END,
  'paid', CASE WHEN (', ' || `change` || ',') LIKE '%, paid,%' THEN json('true') END,
  'rescheduledTo', CASE WHEN instr(`change`, 'rescheduled to ') > 0 THEN substr(`change`, instr(`change`, 'rescheduled to ') + 15) END
)), `change` = 'calcom_changed'
WHERE `change` LIKE 'status % → %' OR (', ' || `change` || ',') LIKE '%, moved,%' OR (', ' || `change` || ',') LIKE '%, paid,%' OR `change` LIKE 'rescheduled to %' OR `change` LIKE '%, rescheduled to %';--> statement-breakpoint
-- Anything else is kept word for word.
UPDATE `appointment_history` SET `detail` = json_object('text', `change`, 'detail', json(`detail`)), `change` = 'unrecognised' WHERE `change` NOT IN ('created', 'updated', 'calcom_changed', 'guest_no_show_updated', 'booked_at_desk', 'visit_changed', 'desk_notes_changed', 'rescheduled_at_desk', 'cancelled_at_desk', 'confirmed_at_desk', 'declined_at_desk', 'no_show_marked_at_desk', 'no_show_unmarked_at_desk', 'needs_attention', 'booked_in_calcom', 'found_in_calcom', 'rescheduled_in_calcom', 'rescheduled_here_from', 'synced_in_calcom', 'retry_asked_at_desk', 'booking_discarded_at_desk', 'change_discarded_at_desk', 'unrecognised');
