CREATE TABLE `desk_event_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`booking_uid` text,
	`change` text NOT NULL,
	`made_at` integer NOT NULL,
	`sent_seq` integer,
	`attempts` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `desk_event_outbox_key_unique` ON `desk_event_outbox` (`key`);--> statement-breakpoint
CREATE INDEX `desk_event_outbox_booking` ON `desk_event_outbox` (`booking_uid`);--> statement-breakpoint
CREATE TABLE `desk_field_seqs` (
	`field` text PRIMARY KEY NOT NULL,
	`seq` integer NOT NULL,
	`value` text NOT NULL
);
