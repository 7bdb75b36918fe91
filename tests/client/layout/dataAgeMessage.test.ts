import { describe, expect, it } from 'vitest';
import { dataAgeMessage } from '../../../client/layout/dataAgeMessage';

describe('dataAgeMessage', () => {
  it('counts whole seconds up to a minute', () => {
    expect(dataAgeMessage(3_400)).toEqual({ key: 'frame.dataAgeSeconds', params: { seconds: 3 } });
    expect(dataAgeMessage(59_999)).toEqual({ key: 'frame.dataAgeSeconds', params: { seconds: 59 } });
  });

  it('switches to whole minutes from a minute on', () => {
    expect(dataAgeMessage(60_000)).toEqual({ key: 'frame.dataAgeMinutes', params: { minutes: 1 } });
    expect(dataAgeMessage(3_600_000)).toEqual({ key: 'frame.dataAgeMinutes', params: { minutes: 60 } });
  });

  it('never shows a negative age', () => {
    expect(dataAgeMessage(-500)).toEqual({ key: 'frame.dataAgeSeconds', params: { seconds: 0 } });
  });
});
