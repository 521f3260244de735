import { describe, expect, it } from 'vitest';
import { subjectFor } from './subject.ts';

describe('subjectFor', () => {
  it('replaces the first token of a type with the prefix', () => {
    expect(subjectFor('scai.partners.partner.deleted', 't_x')).toBe('t_x.partners.partner.deleted');
    expect(subjectFor('scai.partners.partner.deleted', 'scai')).toBe('scai.partners.partner.deleted');
  });

  it('keeps wildcards of consumer filters', () => {
    expect(subjectFor('scai.partners.>', 't_x')).toBe('t_x.partners.>');
    expect(subjectFor('scai.*.tenant.created', 't_x')).toBe('t_x.*.tenant.created');
  });

  it('rejects what is not a subject', () => {
    expect(() => subjectFor('scai', 't_x')).toThrow(TypeError);
    expect(() => subjectFor('scai..deleted', 't_x')).toThrow(TypeError);
    expect(() => subjectFor('scai.>.deleted', 't_x')).toThrow(TypeError);
    expect(() => subjectFor('scai.partner deleted', 't_x')).toThrow(TypeError);
    expect(() => subjectFor('scai.partners.partner.deleted', 'bad prefix')).toThrow(TypeError);
  });
});
