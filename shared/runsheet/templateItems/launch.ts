/** The products of the skincare launch premiere template (prices in yuan). */
import type { Item } from '../templateSheet';

export const launch: Item[] = [
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
