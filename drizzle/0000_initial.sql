CREATE TABLE `api_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`direction` text NOT NULL,
	`method` text NOT NULL,
	`path` text NOT NULL,
	`status` integer,
	`duration_ms` integer,
	`error` text
);
--> statement-breakpoint
CREATE INDEX `api_log_at` ON `api_log` (`at`);--> statement-breakpoint
CREATE TABLE `applied_events` (
	`event_key` text PRIMARY KEY NOT NULL,
	`applied_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `appointment_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uid` text NOT NULL,
	`at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`source` text NOT NULL,
	`change` text NOT NULL,
	`detail` text
);
--> statement-breakpoint
CREATE INDEX `appointment_history_uid` ON `appointment_history` (`uid`,`id`);--> statement-breakpoint
CREATE TABLE `appointments` (
	`uid` text PRIMARY KEY NOT NULL,
	`calcom_id` integer,
	`branch_id` integer NOT NULL,
	`event_type_id` integer,
	`staff_id` integer,
	`client_id` integer,
	`title` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`status` text NOT NULL,
	`status_before_no_show` text,
	`visit_state` text DEFAULT 'NONE' NOT NULL,
	`walk_in` integer DEFAULT false NOT NULL,
	`attendee_name` text NOT NULL,
	`attendee_email` text,
	`attendee_phone` text,
	`attendee_time_zone` text,
	`rescheduled_from_uid` text,
	`rescheduled_to_uid` text,
	`cancellation_reason` text,
	`request_reschedule` integer DEFAULT false NOT NULL,
	`rejection_reason` text,
	`paid` integer DEFAULT false NOT NULL,
	`desk_notes` text,
	`metadata` text,
	`calcom_updated_at` integer,
	`sync_state` text DEFAULT 'synced' NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`branch_id`) REFERENCES `branches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`event_type_id`) REFERENCES `event_types`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `appointments_branch_start` ON `appointments` (`branch_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `appointments_updated` ON `appointments` (`calcom_updated_at`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`user_id` integer,
	`action` text NOT NULL,
	`target` text,
	`detail` text,
	FOREIGN KEY (`user_id`) REFERENCES `desk_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_log_at` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `branches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`calcom_account_id` integer,
	`calcom_username` text,
	`name` text NOT NULL,
	`time_zone` text NOT NULL,
	`connection` text DEFAULT 'disconnected' NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `branches_calcom_account_id_unique` ON `branches` (`calcom_account_id`);--> statement-breakpoint
CREATE TABLE `clients` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`branch_id` integer NOT NULL,
	`name` text NOT NULL,
	`email` text,
	`phone` text,
	`time_zone` text,
	`notes` text,
	`alerts` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`branch_id`) REFERENCES `branches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `clients_branch_email` ON `clients` (`branch_id`,`email`);--> statement-breakpoint
CREATE TABLE `desk_users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`pin_hash` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `event_types` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`branch_id` integer NOT NULL,
	`calcom_id` integer NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`length_minutes` integer NOT NULL,
	`before_buffer_minutes` integer DEFAULT 0 NOT NULL,
	`after_buffer_minutes` integer DEFAULT 0 NOT NULL,
	`price` integer DEFAULT 0 NOT NULL,
	`currency` text,
	`requires_confirmation` integer DEFAULT false NOT NULL,
	`hidden` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`branch_id`) REFERENCES `branches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `event_types_branch_calcom` ON `event_types` (`branch_id`,`calcom_id`);--> statement-breakpoint
CREATE TABLE `notification_preferences` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`branch_id` integer NOT NULL,
	`event_kind` text NOT NULL,
	`enabled` integer NOT NULL,
	`roles` text NOT NULL,
	`channels` text NOT NULL,
	`suppress_if_calcom_emails` integer DEFAULT false NOT NULL,
	`approval` text NOT NULL,
	`proposed_by` integer,
	`approved_by` integer,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`branch_id`) REFERENCES `branches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`proposed_by`) REFERENCES `desk_users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by`) REFERENCES `desk_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notification_rule` ON `notification_preferences` (`branch_id`,`event_kind`,`approval`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`mutation_id` text NOT NULL,
	`op` text NOT NULL,
	`booking_uid` text NOT NULL,
	`payload` text NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`created_by` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `desk_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_mutation_id_unique` ON `outbox` (`mutation_id`);--> statement-breakpoint
CREATE INDEX `outbox_state_next` ON `outbox` (`state`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `outbox_booking` ON `outbox` (`booking_uid`,`id`);--> statement-breakpoint
CREATE TABLE `relay_cursor` (
	`branch_id` integer PRIMARY KEY NOT NULL,
	`channel_id` text,
	`device_id` text,
	`last_seq` integer DEFAULT 0 NOT NULL,
	`last_event_at` integer,
	`last_reconcile_at` integer,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`branch_id`) REFERENCES `branches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `slots_cache` (
	`event_type_id` integer NOT NULL,
	`date` text NOT NULL,
	`time_zone` text NOT NULL,
	`fetched_at` integer NOT NULL,
	`slots` text NOT NULL,
	PRIMARY KEY(`event_type_id`, `date`, `time_zone`),
	FOREIGN KEY (`event_type_id`) REFERENCES `event_types`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `staff` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`branch_id` integer NOT NULL,
	`calcom_host_id` integer,
	`name` text NOT NULL,
	`email` text,
	`colour` text,
	`active` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`branch_id`) REFERENCES `branches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_branch_host` ON `staff` (`branch_id`,`calcom_host_id`);