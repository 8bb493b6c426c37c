import { actionSuite } from './test/action-suite';
import { sandboxTarget } from './test/target';

actionSuite('Streak connector against the sandbox', sandboxTarget);
