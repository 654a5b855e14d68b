import { registerStatementStrings } from './register';

registerStatementStrings();
