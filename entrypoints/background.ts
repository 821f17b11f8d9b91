// Background: wiring only. The dataset and lookup service are registered here (see lib/data).
export default defineBackground(() => {});
