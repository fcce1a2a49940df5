/**
 * Starting points for a new show, one per format in the PingHuman live-commerce skill:
 * prices (CNY), lengths and commission structures follow the skill's example tasks, so a
 * producer sees a realistic plan before typing anything.
 */
import { slugify } from '../import/ids';
import { generateSegments } from '../import/plan';
import { discounted } from '../import/pinghumanValues';
import { describeErrors } from '../validation';
import { parseRunSheet } from './index';
import {
  RUNSHEET_FORMAT,
  RUNSHEET_VERSION,
  type Commission,
  type Product,
  type RunSheet,
  type ShowDetails,
} from './schema';

export interface Template {
  id: string;
  name: string;
  description: string;
  build(): RunSheet;
}

const yuan = (major: number) => Math.round(major * 100);

interface Item {
  name: string;
  retail: number;
  live?: number;
  /** Launch discount in percent, when the live price is "30% off". */
  off?: number;
  flash?: number;
  stock: number;
  flashSeconds?: number;
  flashQuantity?: number;
  category: string;
  points: string[];
}

function product(item: Item): Product {
  const retailPrice = yuan(item.retail);
  return {
    id: slugify(item.name),
    name: item.name,
    category: item.category,
    retailPrice,
    livePrice:
      item.off !== undefined
        ? discounted(retailPrice, item.off * 100)
        : yuan(item.live ?? item.retail),
    ...(item.flash !== undefined ? { flashPrice: yuan(item.flash) } : {}),
    stock: item.stock,
    ...(item.flashSeconds ? { flashSeconds: item.flashSeconds } : {}),
    ...(item.flashQuantity ? { flashQuantity: item.flashQuantity } : {}),
    talkingPoints: item.points,
  };
}

const gmv = (thresholdYuan: number, amountYuan: number) => ({
  threshold: yuan(thresholdYuan),
  amount: yuan(amountYuan),
  label: `${thresholdYuan / 1000}k GMV`,
});

function sheet(
  id: string,
  show: Omit<ShowDetails, 'timeZone' | 'livePriceFrom'>,
  items: Item[],
  commission: Commission,
): RunSheet {
  const products = items.map(product);
  const plan = generateSegments(products, {
    durationSec: show.durationSec,
    ...(show.format ? { format: show.format } : {}),
  });
  const parsed = parseRunSheet({
    format: RUNSHEET_FORMAT,
    version: RUNSHEET_VERSION,
    id,
    show: { ...show, timeZone: 'Asia/Shanghai', commission },
    products,
    segments: plan.segments,
  });
  // A template is code we ship: an invalid one is our bug, caught by the template tests.
  if (!parsed.ok) throw new Error(`Template ${id} is invalid:\n${describeErrors(parsed.errors)}`);
  return parsed.value;
}

const beauty: Item[] = [
  {
    name: 'Hyaluronic Acid Hydrating Toner 200ml',
    category: 'Skincare',
    retail: 129,
    live: 99,
    flash: 89,
    stock: 150,
    flashQuantity: 30,
    points: [
      '3 molecular weights of hyaluronic acid',
      'Alcohol-free, fragrance-free',
      'Pat in: watch it absorb in seconds',
    ],
  },
  {
    name: 'Niacinamide Brightening Serum 30ml',
    category: 'Skincare',
    retail: 199,
    live: 149,
    flash: 129,
    stock: 120,
    flashQuantity: 25,
    points: [
      '10% niacinamide + 1% zinc',
      'Evens tone in 4 weeks',
      'Show the dropper texture on camera',
    ],
  },
  {
    name: 'Ceramide Barrier Repair Cream 50g',
    category: 'Skincare',
    retail: 239,
    live: 179,
    flash: 159,
    stock: 80,
    flashQuantity: 20,
    points: [
      'For dry and sensitive skin',
      'Dermatologist tested',
      'Swatch on the back of the hand',
    ],
  },
  {
    name: 'Amino Acid Gentle Cleanser 120ml',
    category: 'Skincare',
    retail: 89,
    live: 69,
    flash: 59,
    stock: 200,
    points: ['pH 5.5, no tight feeling', 'Lasts about 3 months', 'Foam demo in the palm'],
  },
  {
    name: 'Mineral Sunscreen SPF50+ PA++++ 50ml',
    category: 'Sun care',
    retail: 159,
    live: 119,
    flash: 99,
    stock: 120,
    flashQuantity: 30,
    points: [
      'No white cast: rub in on camera',
      'Water resistant 80 min',
      'Doubles as a make-up primer',
    ],
  },
  {
    name: 'Velvet Matte Lipstick',
    category: 'Make-up',
    retail: 139,
    live: 99,
    flash: 79,
    stock: 150,
    points: ['3 shades: swatch all three', 'Transfer test with a tissue', 'Comes in a gift box'],
  },
  {
    name: 'Silk Cushion Foundation SPF30',
    category: 'Make-up',
    retail: 219,
    live: 169,
    flash: 149,
    stock: 90,
    flashQuantity: 20,
    points: ['Half-face before/after', 'Refill included', '12-hour wear'],
  },
  {
    name: 'Sheet Mask Variety Pack (10 pcs)',
    category: 'Skincare',
    retail: 99,
    live: 69,
    flash: 49,
    stock: 300,
    points: [
      '4 types: hydrate, soothe, brighten, firm',
      'One for every night of the week',
      'Best add-on deal of the night',
    ],
  },
];

const launch: Item[] = [
  {
    name: 'Vitamin C Serum',
    category: 'Skincare',
    retail: 199,
    off: 30,
    flash: 129,
    stock: 300,
    flashQuantity: 50,
    points: [
      '15% stabilised vitamin C',
      'Brighter skin in 14 days',
      'Launch price: 30% off, live only',
    ],
  },
  {
    name: 'Retinol Night Cream',
    category: 'Skincare',
    retail: 249,
    off: 25,
    flash: 169,
    stock: 200,
    flashQuantity: 40,
    points: [
      'Encapsulated retinol: gentle for beginners',
      'Apply pea-sized, 2–3 nights a week',
      'Launch price: 25% off',
    ],
  },
  {
    name: 'Hydrating Face Mask',
    category: 'Skincare',
    retail: 89,
    off: 40,
    flash: 49,
    stock: 500,
    flashQuantity: 100,
    points: ['10-minute sheet mask demo', 'Pairs with the serum', 'Launch price: 40% off'],
  },
];

const weekly: Item[] = [
  {
    name: 'Wireless Earbuds',
    category: 'Electronics',
    retail: 299,
    live: 199,
    flash: 179,
    stock: 100,
    flashQuantity: 20,
    points: [
      'Noise cancelling: play the demo clip',
      '30 h battery with the case',
      'Only 20 at the flash price',
    ],
  },
  {
    name: 'Insulated Tumbler 600ml',
    category: 'Home',
    retail: 99,
    live: 59,
    flash: 49,
    stock: 200,
    points: ['Ice stays 24 h', 'Leak test upside down'],
  },
  {
    name: 'Bamboo Fibre Towel Set (3 pcs)',
    category: 'Home',
    retail: 79,
    live: 49,
    flash: 39,
    stock: 250,
    points: ['Absorbency test with a glass of water', 'Soft after 100 washes'],
  },
  {
    name: 'Silicone Kitchen Utensil Set (12 pcs)',
    category: 'Kitchen',
    retail: 129,
    live: 79,
    flash: 69,
    stock: 150,
    points: ['Heat safe to 230 °C', 'Will not scratch non-stick pans'],
  },
  {
    name: 'Power Bank 10000mAh',
    category: 'Electronics',
    retail: 149,
    live: 99,
    flash: 89,
    stock: 150,
    flashQuantity: 30,
    points: ['Charges a phone twice', 'Fits in a jeans pocket'],
  },
  {
    name: 'Vacuum Storage Bags (8-pack)',
    category: 'Home',
    retail: 69,
    live: 39,
    flash: 29,
    stock: 300,
    points: ['Shrink a duvet live', 'Hand pump included'],
  },
  {
    name: 'Electric Toothbrush with 4 Heads',
    category: 'Personal care',
    retail: 199,
    live: 129,
    flash: 109,
    stock: 120,
    flashQuantity: 25,
    points: ['5 modes, 2-minute timer', 'One charge lasts 30 days'],
  },
  {
    name: 'Laundry Detergent Pods (60 ct)',
    category: 'Daily necessities',
    retail: 89,
    live: 59,
    flash: 49,
    stock: 400,
    points: ['Two months of laundry', 'Dissolves in cold water: show it'],
  },
  {
    name: 'Memory Foam Pillow',
    category: 'Home',
    retail: 159,
    live: 99,
    flash: 89,
    stock: 100,
    points: ['Press test: slow rebound', 'Washable cover'],
  },
  {
    name: 'LED Desk Lamp with Wireless Charger',
    category: 'Electronics',
    retail: 189,
    live: 129,
    flash: 109,
    stock: 80,
    flashQuantity: 20,
    points: ['3 colour temperatures', 'Charges the phone on its base'],
  },
  {
    name: 'Oversized Unisex Hoodie',
    category: 'Fashion',
    retail: 169,
    live: 99,
    flash: 89,
    stock: 180,
    points: ['Sizes S–XXL: show the size chart', '4 colours'],
  },
  {
    name: 'Food Storage Containers (10 pcs)',
    category: 'Kitchen',
    retail: 119,
    live: 69,
    flash: 59,
    stock: 200,
    points: ['Microwave and dishwasher safe', 'Stack demo'],
  },
].map((item) => ({ ...item, flashSeconds: 60 }));

const smartHome: Item[] = [
  {
    name: 'Smart Speaker',
    category: 'Smart home',
    retail: 299,
    live: 249,
    flash: 229,
    stock: 150,
    flashQuantity: 30,
    points: [
      'Set up live from unboxing to first command',
      'Works with the light bulbs and plugs',
      'Voice privacy: mute button and history delete',
    ],
  },
  {
    name: 'Smart Light Bulbs (4-pack)',
    category: 'Smart home',
    retail: 159,
    live: 129,
    flash: 119,
    stock: 200,
    flashQuantity: 40,
    points: [
      'E27 fitting, 16 million colours',
      'No hub needed: 2.4 GHz Wi-Fi',
      'Schedules and sunrise wake-up demo',
    ],
  },
  {
    name: 'Smart Plug Set',
    category: 'Smart home',
    retail: 89,
    live: 69,
    flash: 59,
    stock: 250,
    flashQuantity: 50,
    points: [
      'Energy monitoring in the app',
      'Turn any lamp smart',
      'Troubleshooting: 5 GHz networks',
    ],
  },
];

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
