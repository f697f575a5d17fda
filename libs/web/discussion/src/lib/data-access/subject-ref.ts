/** The subjects that have a discussion, followers and an audit trail (GraphQL SubjectType). */
export type SubjectType = 'PROJECT' | 'COMMITMENT' | 'ACTION' | 'CONVENTION' | 'FORUM';
