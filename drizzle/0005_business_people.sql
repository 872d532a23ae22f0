CREATE TABLE `business_copy` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`version` integer NOT NULL,
	`branches` text NOT NULL,
	`copied_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `business_people` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`language` text NOT NULL,
	`role` text NOT NULL,
	`branches` text NOT NULL,
	`pin_hash` text NOT NULL,
	`active` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `pin_lockouts` (
	`person_id` text PRIMARY KEY NOT NULL,
	`failures` integer DEFAULT 0 NOT NULL,
	`locked_until` integer
);
--> statement-breakpoint
ALTER TABLE `appointment_history` ADD `person_id` text;--> statement-breakpoint
ALTER TABLE `appointment_history` ADD `person_name` text;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `person_id` text;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `person_name` text;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `device_id` text;--> statement-breakpoint
CREATE INDEX `audit_log_person_at` ON `audit_log` (`person_id`,`at`);