/**
 * The playbook: rules experienced live-commerce producers apply by feel, written down as data.
 * Each row quotes where it comes from (the seed guides in the project's notes), carries its
 * parameters, and can be switched off by the user; `checkPlan` (check.ts) evaluates the rows
 * that are on. Changing a threshold is editing this table, not the checks.
 */
export const PLAYBOOK_RULE_IDS = [
  'opening',
  'slotLength',
  'flashCadence',
  'engagementMarks',
  'lastCall',
  'firstSession',
  'stockVsViewers',
] as const;
export type PlaybookRuleId = (typeof PLAYBOOK_RULE_IDS)[number];

export interface PlaybookRule {
  id: PlaybookRuleId;
  /** A short name for the settings table. */
  title: string;
  /** The words of the guide the rule comes from, and which guide. */
  source: { quote: string; reference: string };
  /** Minutes unless named otherwise. */
  params: Record<string, number>;
  enabled: boolean;
}

const LANDSCAPE = 'The TikTok Live Commerce Landscape (seed: live-commerce-landscape.txt)';
const SKILL = 'TikTok Live Commerce skill guide (seed: tiktok-live-commerce-skill.md)';

export const PLAYBOOK_RULES: readonly PlaybookRule[] = [
  {
    id: 'opening',
    title: 'Short opening that previews the best deals',
    source: {
      quote:
        'Opening (0-10 min): Welcome viewers, overview session plan, announce first flash sale. / Open every live session with high-energy welcome and a preview of the best deals coming up.',
      reference: `${SKILL}, “During Live Session”; ${LANDSCAPE}, “Real-Time Selling Techniques”`,
    },
    params: { maxMinutes: 10 },
    enabled: true,
  },
  {
    id: 'slotLength',
    title: 'Product slots of 3–5 minutes (8–12 when educational)',
    source: {
      quote:
        'time allocation per product (typically three to five minutes each) / Product Showcase (10-90 min): Rotate through products every 8-12 minutes',
      reference: `${LANDSCAPE}, “Live Event Planning”; ${SKILL}, educational sessions`,
    },
    params: { minMinutes: 3, maxMinutes: 5, educationalMinMinutes: 8, educationalMaxMinutes: 12 },
    enabled: true,
  },
  {
    id: 'flashCadence',
    title: 'A flash deal every 20–30 minutes',
    source: {
      quote: 'Flash Sales: Announce limited-time offers every 20-30 minutes',
      reference: `${SKILL}, “Engagement Tactics”`,
    },
    params: { everyMinMinutes: 20, everyMaxMinutes: 30 },
    enabled: true,
  },
  {
    id: 'engagementMarks',
    title: 'Engagement moments near the 30- and 60-minute marks',
    source: {
      quote:
        'Create recurring engagement moments that viewers anticipate: a mystery product reveal at the 30-minute mark, a viewer-chosen deal at the one-hour mark',
      reference: `${LANDSCAPE}, “Audience Engagement”`,
    },
    params: { firstMark: 30, secondMark: 60, withinMinutes: 5 },
    enabled: true,
  },
  {
    id: 'lastCall',
    title: 'A last call in the final 10 minutes',
    source: {
      quote:
        "a 'last call' bundle offer in the final 10 minutes / Closing (last 10 min): Final flash sale, recap best deals, tease next session",
      reference: `${LANDSCAPE}, “Audience Engagement”; ${SKILL}, “Engagement Tactics”`,
    },
    params: { finalMinutes: 10 },
    enabled: true,
  },
  {
    id: 'firstSession',
    title: 'First session no longer than 120 minutes',
    source: {
      quote: 'Session Too Long: Limit first sessions to 90-120 minutes',
      reference: `${SKILL}, “Troubleshooting: low viewer retention”`,
    },
    params: { maxMinutes: 120 },
    enabled: true,
  },
  {
    id: 'stockVsViewers',
    title: 'Planned stock against expected viewers × past conversion',
    source: {
      quote:
        'Coordinate with your fulfillment team to ensure adequate inventory for projected live sales volume, preventing … cancellations due to stockouts during high-demand sessions.',
      reference: `${LANDSCAPE}, “Live Event Planning”`,
    },
    params: {},
    enabled: true,
  },
];

/** The table with the user's switches applied (ids the user never touched keep their default). */
export function rulesWith(disabled: readonly string[]): PlaybookRule[] {
  const off = new Set(disabled);
  return PLAYBOOK_RULES.map((rule) => ({ ...rule, enabled: rule.enabled && !off.has(rule.id) }));
}
