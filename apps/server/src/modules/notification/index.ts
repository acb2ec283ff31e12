export {
  dispatchOutbox,
  LoggingSender,
  type NotificationSender,
  type OutboxMessage,
  startNotificationDispatcher,
} from './notification.dispatcher.js';
export { notify } from './notification.notify.js';
export { notificationRoutes } from './notification.routes.js';
export { createNotificationService, type NotificationService } from './notification.service.js';
export type { TodoProvider } from './notification.todos.js';
