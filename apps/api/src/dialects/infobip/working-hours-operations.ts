import type { WorkingHoursView } from '../../routers/working-hours/working-hours.types';
import { statusCodeSchema } from '../../routers/working-hours/working-hours.types';
import type { DialectOperation } from '../dialect';
import { success } from './status-code';

const tags = ['Working hours (Infobip)'];

/**
 * Infobip's working hours and holidays over the project's workingHours procedures, whose inputs
 * and answers are Infobip's shapes already; only deletions answer Infobip's StatusCodeResponse.
 */
export const workingHoursOperations: DialectOperation[] = [
  {
    method: 'GET',
    path: '/ccaas/1/working-hours',
    summary: 'Get filtered working hours',
    tags,
    procedure: 'workingHours.list',
  },
  {
    method: 'POST',
    path: '/ccaas/1/working-hours',
    summary: 'Create working hours',
    tags,
    procedure: 'workingHours.create',
  },
  {
    method: 'GET',
    path: '/ccaas/1/working-hours/{id}',
    summary: 'Get working hours',
    tags,
    procedure: 'workingHours.get',
  },
  {
    method: 'PUT',
    path: '/ccaas/1/working-hours/{id}',
    summary: 'Update working hours',
    tags,
    procedure: 'workingHours.update',
  },
  {
    method: 'PATCH',
    path: '/ccaas/1/working-hours/{id}',
    summary: 'Patch working hours',
    tags,
    procedure: 'workingHours.patch',
  },
  {
    method: 'DELETE',
    path: '/ccaas/1/working-hours/{id}',
    summary: 'Delete working hours',
    tags,
    procedure: 'workingHours.delete',
    present: (_deleted: WorkingHoursView) => success('Working hours has been deleted.'),
    response: statusCodeSchema,
  },
  {
    method: 'GET',
    path: '/ccaas/1/working-hours/{id}/status',
    summary: 'Get working hours status',
    tags,
    procedure: 'workingHours.status',
  },
  {
    method: 'POST',
    path: '/ccaas/1/working-hours/{workingHoursId}/holiday',
    summary: 'Create working hours holiday',
    tags,
    procedure: 'workingHours.addHoliday',
  },
  {
    method: 'DELETE',
    path: '/ccaas/1/working-hours/{workingHoursId}/holiday/{id}',
    summary: 'Remove working hours holiday',
    tags,
    procedure: 'workingHours.removeHoliday',
    present: (_calendar: WorkingHoursView) => success('Holiday has been deleted.'),
    response: statusCodeSchema,
  },
];
