/**
 * A template's name and description in the controller's language. shared/runsheet keeps the
 * English words (tests and the README name templates by them); a template this catalogue
 * does not know yet keeps its own English words rather than showing nothing.
 */
import type { Template } from '../../shared/runsheet/templates';
import * as m from '../i18n/paraglide/messages.js';

const TEXT: Record<string, { name: () => string; description: () => string }> = {
  'product-showcase-flash-sales': {
    name: m.plan_tpl_showcase,
    description: m.plan_tpl_showcase_desc,
  },
  'launch-premiere': { name: m.plan_tpl_launch, description: m.plan_tpl_launch_desc },
  'weekly-flash-sale': { name: m.plan_tpl_weekly, description: m.plan_tpl_weekly_desc },
  'educational-qa': { name: m.plan_tpl_qa, description: m.plan_tpl_qa_desc },
};

export function templateText(template: Pick<Template, 'id' | 'name' | 'description'>): {
  name: string;
  description: string;
} {
  const text = TEXT[template.id];
  return text
    ? { name: text.name(), description: text.description() }
    : { name: template.name, description: template.description };
}
