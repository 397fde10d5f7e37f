import { registerSa11yMatcher } from '@sa11y/jest';

// Every component test can assert `await expect(element).toBeAccessible()`.
registerSa11yMatcher();
