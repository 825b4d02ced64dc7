import { weekdays } from '@switchboard/core';
import { z } from 'zod';
import { idSchema, isoDateSchema } from '../shared/schemas';

/** One interval of a day: minutes after local midnight, `endTime` exclusive (1440 = midnight). */
export const dayHoursSchema = z.object({
  startTime: z.number().int().min(0).max(1440).describe('Start, in minutes after local midnight'),
  endTime: z.number().int().min(0).max(1440).describe('End (exclusive), in minutes after local midnight'),
  enabled: z.boolean().default(true),
});

/** Infobip's day is one interval; a list of intervals (split shifts) is a Switchboard extension. */
const daySchema = z.union([dayHoursSchema, z.array(dayHoursSchema).min(1).max(24)]);
export const workWeekSchema = z
  .object(
    Object.fromEntries(weekdays.map((day) => [day, daySchema])) as Record<
      (typeof weekdays)[number],
      typeof daySchema
    >,
  )
  .describe('Every weekday (MONDAY…SUNDAY) with startTime, endTime and enabled');
export type WorkWeekInput = z.infer<typeof workWeekSchema>;

// Infobip writes days as yyyy-MM-dd; a date-time is read as its day.
const daySchemaText = z
  .string()
  .max(40)
  .transform((text) => (/^\d{4}-\d{2}-\d{2}T/.test(text) ? text.slice(0, 10) : text))
  .describe('A local day, yyyy-MM-dd');

export const holidayInputSchema = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(255),
  startDate: daySchemaText,
  endDate: daySchemaText.optional().describe('Last local day (yyyy-MM-dd); default: startDate'),
  enabled: z.boolean().default(true),
});
export type HolidayInput = z.infer<typeof holidayInputSchema>;

export const maxHolidays = 500;

/** Infobip's WorkingHoursApiRequest. */
export const workingHoursInputSchema = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(255),
  timezone: z.string().max(64).describe('IANA time zone name, e.g. Europe/Zagreb or Etc/UTC'),
  message: z.string().max(4000).describe('Auto-reply text for conversations outside working hours'),
  workWeek: workWeekSchema,
  enabled: z.boolean().default(true),
  isDefault: z.boolean().optional().describe('The calendar routing rules follow (one per organization)'),
  closeConversations: z.boolean().default(false),
  sendAwayMessageEveryOOWHPeriod: z.boolean().default(false),
  holidays: z.array(holidayInputSchema).max(maxHolidays).default([]),
});
export type WorkingHoursInput = z.infer<typeof workingHoursInputSchema>;

export const workingHoursIdInput = z.object({ id: idSchema.describe('Working hours id') });

export const holidaySchema = z.object({
  id: z.string(),
  workingHoursId: z.string(),
  name: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  enabled: z.boolean(),
});

export const workingHoursSchema = z.object({
  id: z.string(),
  name: z.string(),
  timezone: z.string(),
  message: z.string(),
  workWeek: z.record(z.string(), z.union([dayHoursSchema, z.array(dayHoursSchema)])),
  enabled: z.boolean(),
  isDefault: z.boolean(),
  closeConversations: z.boolean(),
  sendAwayMessageEveryOOWHPeriod: z.boolean(),
  holidays: z.array(holidaySchema),
  createdAt: isoDateSchema,
  updatedAt: isoDateSchema,
});
export type WorkingHoursView = z.infer<typeof workingHoursSchema>;

export const statusCodeSchema = z.object({ statusCode: z.enum(['SUCCESS', 'ERROR']), message: z.string() });
