ALTER TABLE `desk_event_outbox` ADD `refused_at` integer;--> statement-breakpoint
ALTER TABLE `desk_event_outbox` ADD `refusal` text;