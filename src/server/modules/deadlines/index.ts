// The deadlines module's entry: all that the app and other modules may use of it.
export { startReminderLoop, sweepReminders } from "./reminders.js";
export { registerDeadlineRoutes } from "./routes.js";
export { overdueDashboard } from "./service.js";
