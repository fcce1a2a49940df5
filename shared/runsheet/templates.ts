/**
 * Starting points for a new show, one per format in the PingHuman live-commerce skill:
 * prices (CNY), lengths and commission structures follow the skill's example tasks, so a
 * producer sees a realistic plan before typing anything.
 */
import type { RunSheet } from './schema';
import { gmv, sheet, yuan } from './templateSheet';
import { beauty } from './templateItems/beauty';
import { launch } from './templateItems/launch';
import { smartHome } from './templateItems/smartHome';
import { weekly } from './templateItems/weekly';

export interface Template {
  id: string;
  name: string;
  description: string;
  build(): RunSheet;
}

export const templates: Template[] = [
  {
    id: 'product-showcase-flash-sales',
    name: 'Product showcase with flash sales',
    description:
      '2 hours, 8 beauty products, a flash deal after each, mystery reveal at 30 minutes, last call to close.',
    build: () =>
      sheet(
        'beauty-flash-sale',
        {
          title: 'Live shopping session: Beauty products flash sale',
          currency: 'CNY',
          durationSec: 2 * 3600,
          expectedViewers: 1000,
          targetGmv: yuan(50000),
          format: 'product_showcase_with_flash_sales',
        },
        beauty,
        {
          basePayment: yuan(1500),
          commissionRate: 0.08,
          gmvBonuses: [gmv(50000, 800), gmv(100000, 2000), gmv(200000, 5000)],
          viewerBonuses: [],
          otherBonuses: [],
        },
      ),
  },
  {
    id: 'launch-premiere',
    name: 'Product launch premiere',
    description:
      '3 hours, 3 new skincare products at launch discounts (30%, 25%, 40% off), mystery reveal, Q&A and flash offers.',
    build: () =>
      sheet(
        'skincare-launch-premiere',
        {
          title: 'LIVE PREMIERE: New skincare line exclusive launch event',
          currency: 'CNY',
          durationSec: 3 * 3600,
          expectedViewers: 2000,
          format: 'product_launch_premiere',
        },
        launch,
        {
          basePayment: yuan(5000),
          commissionRate: 0.1,
          gmvBonuses: [gmv(100000, 3000), gmv(200000, 8000), gmv(300000, 15000)],
          viewerBonuses: [],
          otherBonuses: [
            {
              label: 'viral highlight 100k views',
              amount: yuan(1500),
              note: 'Highlight reel reaches 100,000 views',
            },
          ],
        },
      ),
  },
  {
    id: 'weekly-flash-sale',
    name: 'Weekly flash-sale show',
    description:
      '60 minutes, 12 everyday products in fast rotation (about 4 minutes each), a 60-second flash deal after every product.',
    build: () =>
      sheet(
        'weekly-flash-sale',
        {
          title: 'Weekly flash sale: home & daily deals',
          currency: 'CNY',
          durationSec: 3600,
          expectedViewers: 1500,
          targetGmv: yuan(50000),
          format: 'flash_sale',
          notes:
            'Same day and time every week. 10–15 products per hour, rapid turnover, urgency-driven.',
        },
        weekly,
        {
          basePayment: yuan(2000),
          commissionRate: 0.08,
          gmvBonuses: [gmv(50000, 1000), gmv(100000, 3000), gmv(200000, 7000)],
          viewerBonuses: [
            {
              metric: 'peakConcurrent',
              threshold: 3000,
              amount: yuan(500),
              label: 'peak 3k viewers',
            },
          ],
          otherBonuses: [],
        },
      ),
  },
  {
    id: 'educational-qa',
    name: 'Educational Q&A',
    description:
      '90 minutes, 3 smart-home products explained in depth (60% education and demos), Q&A first, gentle offers.',
    build: () =>
      sheet(
        'smart-home-qa',
        {
          title: 'Live Q&A + shopping: Smart home devices explained',
          currency: 'CNY',
          durationSec: 90 * 60,
          format: 'educational_sales_hybrid',
          notes:
            'Format: 60% education + demos, 40% sales pitches. Tone: informative, helpful, trustworthy (not pushy).',
        },
        smartHome,
        {
          basePayment: yuan(1800),
          commissionRate: 0.1,
          gmvBonuses: [],
          viewerBonuses: [],
          otherBonuses: [
            {
              label: 'high engagement bonus',
              amount: yuan(300),
              note: '300 CNY if 50+ questions answered',
            },
          ],
        },
      ),
  },
];

export function templateById(id: string): Template | undefined {
  return templates.find((t) => t.id === id);
}
