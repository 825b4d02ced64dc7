// Only the detectors and their types are public; the text helpers stay internal so their
// generic names (tokenize, Span, …) cannot clash with other modules at the package root.
export * from './entities';
export type { DetectionMessage } from './text';
export * from './trackers';
