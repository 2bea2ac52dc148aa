import type { DemoSeed } from '../types';
import { agencies } from './agencies';
import { holidays } from './holidays';
import { jurisdictions } from './jurisdictions';
import { persons } from './persons';
import { demoPassword, users } from './users';

export { courtRegions, jurisdictionsOf } from './jurisdictions';
export { ESTIMATED_HOLIDAY_MARK, holidayCalendarName, holidaysToSeed, isUnconfirmedHoliday } from './holidays';

/** Everything the server seeds on a demo installation. */
export const demoSeed: DemoSeed = { jurisdictions, agencies, users, demoPassword, holidays, persons };
