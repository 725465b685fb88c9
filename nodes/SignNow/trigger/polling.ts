import type { IDataObject, INodeProperties, IPollFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { advance, isNew, oldestFirst, openWindow, readWindow } from '../../shared/changeWindow';
import type { PollSteps } from '../../shared/polling';
import type { ApiClient } from '../../shared/transport/client';
import { checkParameters } from '../../shared/validation';
import { documentId, documentIdFields } from '../descriptions/document';
import { listDocumentsWithInvites, readDocumentWithInvites } from '../transport/documents';
import { type DocumentChange, documentChanges, POLLED_EVENTS, RANK } from './changes';
import { scopedEvent, SIGNNOW_EVENTS, watchField } from './events';

/** Changes one poll reports at most; the rest come with the next polls, oldest first. */
export const MAX_CHANGES = 100;

/** The resource locator of the Document field (a new node has no version-1 text field to keep). */
const documentLocator = documentIdFields('The signNow document to watch').find(
	(field) => field.type === 'resourceLocator',
)!;

export const rereadingProperties: INodeProperties[] = [
	{
		displayName:
			'n8n reads the documents and their invites from signNow at the times set in Poll Times: nothing is registered with signNow, and n8n needs no public URL. Each event starts one run.',
		name: 'pollingNotice',
		type: 'notice',
		default: '',
	},
	watchField,
	{ ...documentLocator, displayOptions: { show: { scope: ['document'] } } },
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: SIGNNOW_EVENTS.filter((option) =>
			(POLLED_EVENTS as readonly unknown[]).includes(option.value),
		),
		required: true,
		default: ['document.complete'],
		description:
			'Which events start the workflow. They are read from the documents, so documents or invites that were opened, deleted or reassigned are not told apart.',
	},
];

const events = z.array(z.enum(POLLED_EVENTS)).min(1, 'Pick at least one event.');

const paramsSchema = z.discriminatedUnion('scope', [
	z.object({ scope: z.literal('document'), documentId, events }),
	z.object({ scope: z.literal('user'), events }),
]);

type Params = z.infer<typeof paramsSchema>;

/** The trigger's parameters, checked before any request. */
function readParams(ctx: IPollFunctions): Params {
	const scope = ctx.getNodeParameter('scope', 'document') as string;
	return checkParameters(ctx, 0, rereadingProperties, paramsSchema, {
		scope,
		events: ctx.getNodeParameter('events', []),
		...(scope === 'document' ? { documentId: ctx.getNodeParameter('documentId') } : {}),
	});
}

/** An event as the signNow Trigger's webhook call carries it, with the invite it is about. */
function output(change: DocumentChange, scope: string, environment: string): IDataObject {
	const { document, invite } = change;
	return {
		meta: {
			timestamp: Math.floor(change.time / 1000),
			event: scopedEvent(change.event, scope),
			environment,
		},
		content: {
			document_id: document.id,
			document_name: document.document_name ?? null,
			user_id: document.user_id ?? null,
			...(invite
				? {
						invite: {
							id: invite.id,
							email: invite.email ?? null,
							role: invite.role ?? null,
							role_id: invite.role_id ?? null,
							status: invite.status,
						},
					}
				: {}),
		},
	};
}

export function pollSteps(ctx: IPollFunctions, api: ApiClient): PollSteps {
	/** Every change the watched documents show: one request either way. */
	const changes = async (params: Params) => {
		const documents =
			params.scope === 'document'
				? [await readDocumentWithInvites(api, params.documentId)]
				: await listDocumentsWithInvites(api);
		return documents.flatMap(documentChanges);
	};
	const shaped = async (params: Params, list: DocumentChange[]) => {
		const environment = await api.baseUrl();
		return list
			.filter((change) => params.events.includes(change.event))
			.map((change) => output(change, params.scope, environment));
	};

	return {
		hasCursor: (state) => readWindow(state.window) !== undefined,

		async start(state) {
			state.window = openWindow(await changes(readParams(ctx)));
		},

		async next(state) {
			const params = readParams(ctx);
			const window = readWindow(state.window)!;
			const fresh = oldestFirst(
				(await changes(params)).filter((change) => isNew(window, change)),
				(change) => RANK[change.event],
			).slice(0, MAX_CHANGES);
			state.window = advance(window, fresh);
			return await shaped(params, fresh);
		},

		async latest() {
			const params = readParams(ctx);
			const all = oldestFirst(await changes(params), (change) => RANK[change.event]);
			return (await shaped(params, all)).pop();
		},
	};
}
