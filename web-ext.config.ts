import { defineWebExtConfig } from 'wxt';

// No browser window where there is no display (CI, sandboxes); desktop users keep `wxt dev` opening one.
export default defineWebExtConfig({ disabled: !process.env.DISPLAY || process.env.CI === 'true' });
