import { listCategories } from '@pakn/db';
import { router, staffQuery } from '../trpc.ts';

/** Categories for every staff member: labels of cases (inactive ones included) and the active pick list. */
export const categoryRouter = router({
  list: staffQuery.query(({ ctx }) => listCategories(ctx.services.db)),
});
