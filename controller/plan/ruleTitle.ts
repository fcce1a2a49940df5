/**
 * A playbook rule's title in the controller's language, by the rule's id. shared/playbook
 * keeps the English title; a rule this catalogue does not know yet keeps it.
 */
import * as m from '../i18n/paraglide/messages.js';

const TITLES: Record<string, () => string> = {
  opening: m.pb_rule_opening,
  slotLength: m.pb_rule_slot_length,
  flashCadence: m.pb_rule_flash_cadence,
  engagementMarks: m.pb_rule_engagement_marks,
  lastCall: m.pb_rule_last_call,
  firstSession: m.pb_rule_first_session,
  stockVsViewers: m.pb_rule_stock_vs_viewers,
};

export function ruleTitle(rule: { id?: string; ruleId?: string; title: string }): string {
  const title = TITLES[rule.id ?? rule.ruleId ?? ''];
  return title ? title() : rule.title;
}
