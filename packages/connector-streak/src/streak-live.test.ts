// Runs the same suite against real Streak when STREAK_API_KEY is set; otherwise Vitest reports it skipped.
import { actionSuite } from './test/action-suite';
import { realStreakTarget } from './test/target';

const target = realStreakTarget();
actionSuite('Streak connector against real Streak (STREAK_API_KEY)', target ? async () => target : undefined);
