PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_slots_cache` (
	`event_type_id` integer NOT NULL,
	`staff_username` text DEFAULT '' NOT NULL,
	`date` text NOT NULL,
	`time_zone` text NOT NULL,
	`fetched_at` integer NOT NULL,
	`slots` text NOT NULL,
	PRIMARY KEY(`event_type_id`, `date`, `time_zone`, `staff_username`),
	FOREIGN KEY (`event_type_id`) REFERENCES `event_types`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_slots_cache`("event_type_id", "date", "time_zone", "fetched_at", "slots") SELECT "event_type_id", "date", "time_zone", "fetched_at", "slots" FROM `slots_cache`;--> statement-breakpoint
DROP TABLE `slots_cache`;--> statement-breakpoint
ALTER TABLE `__new_slots_cache` RENAME TO `slots_cache`;--> statement-breakpoint
PRAGMA foreign_keys=ON;