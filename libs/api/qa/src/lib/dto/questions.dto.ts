import {
  askQuestionRequestSchema,
  listQuestionsQuerySchema,
  moderateQuestionRequestSchema,
  questionSchema,
} from '@helix/contract';
import { createZodDto } from 'nestjs-zod';

export class AskQuestionDto extends createZodDto(askQuestionRequestSchema) {}
export class ListQuestionsQueryDto extends createZodDto(listQuestionsQuerySchema) {}
export class ModerateQuestionDto extends createZodDto(moderateQuestionRequestSchema) {}
export class QuestionDto extends createZodDto(questionSchema) {}
