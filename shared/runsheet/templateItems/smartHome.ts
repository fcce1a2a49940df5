/** The products of the educational Q&A template (smart home) (prices in yuan). */
import type { Item } from '../templateSheet';

export const smartHome: Item[] = [
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
