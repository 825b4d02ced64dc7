import { type OrganizationSettings, validateSettings } from '@switchboard/core';
import { applyJsonPatch, type PatchOperation } from '../../shared/json-patch';

/**
 * Applies a JSON Patch to a copy of the settings (../../shared/json-patch) and validates the
 * result whole: a result that breaks the schema is 400 naming its JSON Pointer.
 */
export function applySettingsPatch(
  document: OrganizationSettings,
  patch: PatchOperation[],
): OrganizationSettings {
  return validateSettings(applyJsonPatch(document, patch));
}
