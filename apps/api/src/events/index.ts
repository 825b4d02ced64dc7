export { type EventListener, type EventNotifier, eventNotifierFor } from './event-notifier';
export * from './event-types';
export { type EventDraft, type EventWrite, recordEvents } from './record-events';
