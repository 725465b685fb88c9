import type { INode } from 'n8n-workflow';

import { CredentialStore } from '../harness/credentials';
import { runWorkflow } from '../harness/run';
import { pdfItem, useSignNow } from './setup';

const credentials = { signNowApi: { id: 'cred-1', name: 'signNow account' } };

function node(
	name: string,
	x: number,
	parameters: Record<string, unknown>,
	extra: Partial<INode> = {},
): INode {
	return {
		id: name,
		name,
		type: 'n8n-nodes-esign.signNow',
		typeVersion: 1,
		position: [x, 0],
		parameters: parameters as never,
		credentials,
		...extra,
	};
}

describe('signNow: upload, create invites, generate links, delete, as one workflow', () => {
	const { sim, credentials: store } = useSignNow();

	it('runs end to end through the engine with one token for every node', async () => {
		const credentialStore: CredentialStore = store();
		const nodes: INode[] = [
			node('Upload', 0, {
				resource: 'document',
				operation: 'upload',
				binaryPropertyName: 'data',
				options: { checkFields: true },
			}),
			node('Create Invites', 200, {
				resource: 'embeddedInvite',
				operation: 'create',
				documentId: '={{ $json.id }}',
				invites: {
					invite: [
						{ email: 'tenant@example.com', roleId: 'Tenant', order: 1, authMethod: 'none' },
						{ email: 'landlord@example.com', roleId: 'Landlord', order: 2, authMethod: 'email' },
					],
				},
			}),
			node('Generate Link', 400, {
				resource: 'embeddedInvite',
				operation: 'generateLink',
				documentId: '={{ $json.document_id }}',
				fieldInviteId: '={{ $json.id }}',
				authMethod: '={{ $json.role === "Landlord" ? "email" : "none" }}',
				options: { linkExpiration: 45 },
			}),
			node(
				'Delete Invites',
				600,
				{ resource: 'embeddedInvite', operation: 'delete', documentId: '={{ $json.document_id }}' },
				{ executeOnce: true },
			),
		];
		const chain = (from: string, to: string) => ({
			[from]: { main: [[{ node: to, type: 'main' as const, index: 0 }]] },
		});
		const result = await runWorkflow(
			{
				nodes,
				connections: {
					...chain('Upload', 'Create Invites'),
					...chain('Create Invites', 'Generate Link'),
					...chain('Generate Link', 'Delete Invites'),
				},
			},
			{ store: credentialStore, input: [pdfItem(['Tenant', 'Landlord'], 'lease.pdf')] },
		);

		expect(result.error).toBeUndefined();
		const documentId = result.outputs.Upload[0].json.id as string;
		expect(result.outputs['Create Invites'].map((i) => [i.json.role, i.json.status])).toEqual([
			['Tenant', 'pending'],
			['Landlord', 'created'],
		]);
		const links = result.outputs['Generate Link'];
		expect(links).toHaveLength(2);
		links.forEach((l) =>
			expect(l.json.link).toMatch(new RegExp(`/webapp/document/${documentId}\\?access_token=`)),
		);
		expect(result.outputs['Delete Invites']).toEqual([
			expect.objectContaining({
				json: { document_id: documentId, deleted: true, status: 'success' },
			}),
		]);

		expect(
			sim.requests.map(
				(r) => `${r.method} ${r.path.replace(documentId, ':doc').replace(/[0-9a-f]{40}/g, ':id')}`,
			),
		).toEqual([
			'POST /oauth2/token',
			'POST /document',
			'GET /document/:doc',
			'POST /v2/documents/:doc/embedded-invites',
			'POST /v2/documents/:doc/embedded-invites/:id/link',
			'POST /v2/documents/:doc/embedded-invites/:id/link',
			'DELETE /v2/documents/:doc/embedded-invites',
		]);
		const linkBodies = sim
			.received('POST', '/v2/documents/:id/embedded-invites/:inviteId/link')
			.map((r) => r.body);
		expect(linkBodies).toEqual([
			{ auth_method: 'none', link_expiration: 45 },
			{ auth_method: 'email', link_expiration: 45 },
		]);
		expect(sim.documents.get(documentId)!.field_invites).toHaveLength(0);
		expect(credentialStore.updates).toHaveLength(1);
	});
});
