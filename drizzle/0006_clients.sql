CREATE TABLE `client_keys` (
	`branch_id` integer NOT NULL,
	`key` text NOT NULL,
	`client_id` integer NOT NULL,
	PRIMARY KEY(`branch_id`, `key`),
	FOREIGN KEY (`branch_id`) REFERENCES `branches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `client_keys_client` ON `client_keys` (`client_id`);--> statement-breakpoint
CREATE TABLE `client_merges` (
	`id` text PRIMARY KEY NOT NULL,
	`branch_id` integer NOT NULL,
	`from_key` text NOT NULL,
	`into_key` text NOT NULL,
	`person_id` text,
	`person_name` text,
	`merged_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`branch_id`) REFERENCES `branches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `client_merges_branch` ON `client_merges` (`branch_id`,`merged_at`);--> statement-breakpoint
CREATE TABLE `client_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`branch_id` integer NOT NULL,
	`client_key` text NOT NULL,
	`kind` text NOT NULL,
	`text` text NOT NULL,
	`author_person_id` text,
	`author_name` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`removed_at` integer,
	FOREIGN KEY (`branch_id`) REFERENCES `branches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `client_notes_key` ON `client_notes` (`branch_id`,`client_key`);--> statement-breakpoint
ALTER TABLE `clients` ADD `client_key` text;--> statement-breakpoint
ALTER TABLE `clients` ADD `bookings` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `clients` ADD `last_booking_at` integer;--> statement-breakpoint
ALTER TABLE `clients` ADD `search_rowid` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `clients_branch_key` ON `clients` (`branch_id`,`client_key`);--> statement-breakpoint
CREATE INDEX `clients_branch_recent` ON `clients` (`branch_id`,`last_booking_at`);--> statement-breakpoint
CREATE INDEX `appointments_client` ON `appointments` (`client_id`,`starts_at`);--> statement-breakpoint
-- Written by hand (drizzle-kit does not know FTS5): the client search index, one row per client.
-- Its rowid is the client's recency (minute of their latest booking, then their id; see
-- clients/client-store.ts), so the first page of any search, newest first, is read from the
-- index's end and stops there, however many clients match. unicode61 with remove_diacritics 2
-- makes "Jose" find "José"; prefix indexes of 2 and 3 characters keep as-you-type queries fast.
CREATE VIRTUAL TABLE `clients_fts` USING fts5(`names`, `emails`, `phones`, `client_id` UNINDEXED, `branch_id` UNINDEXED, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
