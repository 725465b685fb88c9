import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * Event names without scope: a user-scoped subscription prefixes them with "user.". Names follow
 * third-party code that matches signNow's naming (unconfirmed).
 */
export const SIGNNOW_EVENTS: INodePropertyOptions[] = [
	{ name: 'Document Completed (All Signed)', value: 'document.complete' },
	{ name: 'Document Deleted', value: 'document.delete' },
	{ name: 'Document Opened', value: 'document.open' },
	{ name: 'Document Updated', value: 'document.update' },
	{ name: 'Invite Created', value: 'document.fieldinvite.create' },
	{ name: 'Invite Declined', value: 'document.fieldinvite.decline' },
	{ name: 'Invite Deleted', value: 'document.fieldinvite.delete' },
	{ name: 'Invite Reassigned', value: 'document.fieldinvite.reassign' },
	{ name: 'Invite Sent', value: 'document.fieldinvite.sent' },
	{ name: 'Invite Signed (One Signer)', value: 'document.fieldinvite.signed' },
	// The two below follow signNow's naming in third-party code; their payloads are unconfirmed.
	{ name: 'Invite Expired', value: 'invite.expired' },
	{
		name: 'Document Group Completed (All My Documents Only)',
		value: 'document_group.complete',
		description: 'Every document of a document group is signed',
	},
];

/**
 * Events of a document group, not of a document: signNow takes the group's ID as their entity, so
 * they can only be watched for all of the user's documents.
 */
export const GROUP_EVENTS = ['document_group.complete'];

export function scopedEvent(event: string, scope: string): string {
	return scope === 'user' ? `user.${event}` : event;
}
