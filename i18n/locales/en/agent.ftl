# Messages of the agent (agent crate), in English. The reference is ../fr/agent.ftl.
