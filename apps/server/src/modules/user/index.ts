export { maskPhone } from './user.mapper.js';
export { createUserRepository, type UserRepository, type UserRow } from './user.repository.js';
export { userRoutes } from './user.routes.js';
export { createUserService, type UserService } from './user.service.js';
