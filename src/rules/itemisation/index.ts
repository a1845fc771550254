// The itemisation/* rules.
import type { AnyRule } from '../types.js';
import duplicatePost from './duplicate-post.js';
import missingNote from './missing-note.js';

export const rules: AnyRule[] = [duplicatePost, missingNote];
