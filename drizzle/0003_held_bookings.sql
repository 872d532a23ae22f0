CREATE TABLE `held_bookings` (
	`uid` text PRIMARY KEY NOT NULL,
	`held_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
-- Held bookings used to be `held:<uid>` keys in applied_events: move them here.
INSERT OR IGNORE INTO `held_bookings` (`uid`, `held_at`) SELECT substr(`event_key`, 6), `applied_at` FROM `applied_events` WHERE `event_key` >= 'held:' AND `event_key` < 'held;';--> statement-breakpoint
DELETE FROM `applied_events` WHERE `event_key` >= 'held:' AND `event_key` < 'held;';
