ALTER TABLE `staff` ADD `calcom_username` text;--> statement-breakpoint
CREATE UNIQUE INDEX `staff_branch_username` ON `staff` (`branch_id`,`calcom_username`);