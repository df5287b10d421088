using AutoMapper;
using ChatPlatform.Domain.Roles;

namespace ChatPlatform.Application.Roles.Common;

public sealed class RoleMappingProfile : Profile
{
    public RoleMappingProfile()
    {
        CreateMap<Role, RoleDto>()
            .ForMember(d => d.Permissions, o => o.MapFrom(s => s.Permissions.Select(p => p.Code).OrderBy(c => c).ToList()));
        CreateMap<Permission, PermissionDto>();
    }
}
