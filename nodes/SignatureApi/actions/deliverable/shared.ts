import { pathId } from '../../../shared/schemas';

/** Deliverable IDs carry the del_ prefix. */
export const deliverableId = pathId('deliverable ID').refine((v) => v.startsWith('del_'), 'Deliverable IDs start with del_, such as del_8f2c….');
