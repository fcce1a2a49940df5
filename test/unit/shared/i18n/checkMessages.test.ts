import { describe, expect, it } from 'vitest';
import { checkMessages, checkProject } from '../../../../shared/i18n/check-messages.mjs';

const plural = (match: Record<string, string>) => [
  { declarations: ['input count', 'local n = count: plural'], selectors: ['n'], match },
];

const en = {
  $schema: 'https://inlang.com/schema/inlang-message-format',
  sold_out: 'Sold out',
  left: plural({ 'n=one': '{count} left', 'n=*': '{count} left' }),
  bought: '{buyer} just bought {product}',
};

describe('the message files check', () => {
  it('passes matching files', () => {
    const es = {
      sold_out: 'Agotado',
      left: plural({ 'n=one': 'Queda {count}', 'n=*': 'Quedan {count}' }),
      bought: '{buyer} acaba de comprar {product}',
    };
    expect(checkMessages({ en, es }, 'en')).toEqual([]);
  });

  it('names a missing key and an extra one', () => {
    const de = {
      left: plural({ 'n=*': 'Noch {count}' }),
      bought: '{buyer} kaufte {product}',
      x: 'y',
    };
    expect(checkMessages({ en, de }, 'en')).toEqual([
      'messages/de.json: "sold_out" is missing (it is in en.json)',
      'messages/de.json: "x" is not in en.json',
    ]);
  });

  it('names a mismatched placeholder, in a simple and in a plural message', () => {
    const fr = {
      sold_out: 'Épuisé',
      left: plural({ 'n=one': '{cont} restant', 'n=*': '{count} restants' }),
      bought: '{buyer} vient d’acheter {produit}',
    };
    expect(checkMessages({ en, fr }, 'en')).toEqual([
      'messages/fr.json: "left" has placeholders {cont}, {count} but en.json has {count}',
      'messages/fr.json: "bought" has placeholders {buyer}, {produit} but en.json has {buyer}, {product}',
    ]);
  });

  it('names a plural form the language needs', () => {
    const it_ = {
      sold_out: 'Esaurito',
      left: plural({ 'n=one': 'Ne resta {count}' }),
      bought: '{buyer} ha comprato {product}',
    };
    expect(checkMessages({ en, it: it_ }, 'en')).toEqual([
      'messages/it.json: "left" lacks the plural forms many, other (add them or a "*" case)',
    ]);
  });

  it('finds nothing wrong with the shipped files, which load their plugin from node_modules', () => {
    expect(checkProject(process.cwd())).toEqual([]);
  });

  it('checks the controller words too, naming their folder', () => {
    expect(checkProject(process.cwd(), 'project.controller.inlang')).toEqual([]);
    const en = { save: 'Save {name}' };
    expect(checkMessages({ en, 'zh-CN': { save: '保存' } }, 'en', 'messages/controller')).toEqual([
      'messages/controller/zh-CN.json: "save" has placeholders none but en.json has {name}',
    ]);
  });
});
